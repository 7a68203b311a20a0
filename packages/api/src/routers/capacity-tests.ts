import { z } from "zod";
import { capacityTestInputSchema } from "@loadline/domain";
import { capacityTestHistory, recordCapacityTest } from "../services/capacity-tests";
import { procedureFor, router } from "../trpc";

const athleteInput = z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) });

/** Capacity tests (E2.2 drop lunge, E2.3 strength symmetry): recorded by the physio. */
export const capacityTestsRouter = router({
  list: procedureFor("capacityTest.read")
    .input(athleteInput)
    .query(({ ctx, input }) => capacityTestHistory(ctx.db, ctx.actor, ctx.now, input.athleteId)),

  record: procedureFor("capacityTest.write")
    .input(athleteInput.and(capacityTestInputSchema))
    .mutation(({ ctx, input }) => {
      const { athleteId, ...test } = input;
      return recordCapacityTest(ctx.db, ctx.actor, ctx.now, athleteId, test);
    }),
});
