import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { painBandsOf, resolveThresholds } from "@loadline/domain";
import { PainScaleView } from "../src/app/me/_components/pain-scale";

/** The colour class of the chosen score, as rendered. */
function chosenColour(score: number, bands: ReturnType<typeof painBandsOf> | undefined): string {
  const html = renderToString(<PainScaleView name="painDuring" legend="Pain" value={score} onChange={() => {}} bands={bands} />);
  const label = html.match(new RegExp(`<label[^>]*for="painDuring-${score}"[^>]*class="([^"]*)"`))?.[1] ?? html.match(new RegExp(`<label[^>]*class="([^"]*)"[^>]*for="painDuring-${score}"`))?.[1];
  if (!label) throw new Error(`no label for score ${score}`);
  return (label.match(/bg-(zone-green|zone-amber|zone-red|primary)\b/) ?? [])[1] ?? "none";
}

describe("the athlete's pain scale", () => {
  it("colours a chosen score by the plan's bands, the same zone the engine gives it", () => {
    const pht = painBandsOf(resolveThresholds({}));
    const silbernagel = painBandsOf(resolveThresholds({ pain: { profile: "silbernagel" } }));
    expect(chosenColour(3, pht)).toBe("zone-amber");
    expect(chosenColour(3, silbernagel)).toBe("zone-green");
    expect(chosenColour(5, silbernagel)).toBe("zone-amber");
    expect(chosenColour(6, silbernagel)).toBe("zone-red");
    expect(chosenColour(4, pht)).toBe("zone-red");
  });

  it("stays neutral without bands (morning pain, or before the plan's bands arrive)", () => {
    expect(chosenColour(3, undefined)).toBe("primary");
  });
});
