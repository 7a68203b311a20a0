import { authFile, demoLogins, expect, signIn, test, type Role } from "./fixtures";

for (const role of Object.keys(demoLogins) as Role[]) {
  test(`sign in as the demo ${role}`, async ({ page }, testInfo) => {
    const login = demoLogins[role];
    await signIn(page, login.email, login.password);
    await expect(page).toHaveURL(new RegExp(`${login.home}$`));
    await page.context().storageState({ path: authFile(testInfo, role) });
  });
}
