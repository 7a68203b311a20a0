import { apiAs, newAthlete } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * A coach corrects the email of an athlete who has not signed up yet: the invite moves to the new
 * address, the old link stops working, and the athlete signs up with the corrected address.
 */
test.describe("correcting an athlete's email", () => {
  test.use(signedInAs("coach"));

  test("a pending athlete's invite moves to the corrected address", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Typo" });
    // The link the coach copied before noticing the mistyped address.
    const coach = await apiAs(testInfo, "coach");
    const { invitePath: oldPath } = await coach.mutate<{ invitePath: string }>("roster.reissueInvite", { athleteId: athlete.athleteId });
    await coach.dispose();

    await page.goto(`/coach/roster/${athlete.athleteId}`);
    await expect(page.getByRole("heading", { name: athlete.name })).toBeVisible();
    await expect(page.getByText(`Signs in as ${athlete.email}`)).toBeVisible();
    await expectAccessible(page);

    const field = page.getByLabel("New email");
    const submit = page.getByRole("button", { name: "Correct email" });
    await field.fill("fixed@");
    await submit.click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(field).toHaveValue("fixed@");

    // Someone of this club (the signed-in coach) already has this address: named at the field, nothing typed lost.
    await field.fill("coach@loadline.demo");
    await submit.click();
    await expect(page.getByText("Someone in your club already uses this email")).toBeVisible();
    await expect(field).toHaveValue("coach@loadline.demo");

    const corrected = athlete.email.replace("@loadline.test", ".fixed@loadline.test");
    await field.fill(corrected);
    await submit.click();
    await expect(page.getByText(`Invite moved to ${corrected}`)).toBeVisible();
    await expect(page.getByText(`Signs in as ${corrected}`)).toBeVisible();
    const link = page.getByLabel("Invite link");
    await expect(link).toHaveValue(/\/invite\/[\w-]{40,}$/);
    const inviteUrl = await link.inputValue();
    await expect(field).toHaveValue("");
    await expectAccessible(page);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invitee = await context.newPage();
    await invitee.goto(oldPath);
    await expect(invitee.getByRole("heading", { name: "This invite link has expired" })).toBeVisible();
    await invitee.goto(inviteUrl);
    await expect(invitee.getByRole("heading", { name: `Welcome, ${athlete.name}` })).toBeVisible();
    await expect(invitee.getByLabel("Email")).toHaveValue(corrected);
    await invitee.getByLabel("New password").fill("typo-strong-password");
    await invitee.getByLabel("Repeat the password").fill("typo-strong-password");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee).toHaveURL(/\/me$/);
    await context.close();

    await page.reload();
    await expect(page.getByText("Active account")).toBeVisible();
    await expect(page.getByText(`Signs in as ${corrected}`)).toBeVisible();
  });
});
