import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { currentOperator } from "@/server/operator";
import { OperatorSignInForm } from "./operator-sign-in-form";

export const metadata: Metadata = { title: "Operator sign-in" };

export default async function OperatorSignInPage() {
  if (await currentOperator()) redirect("/operator");
  return (
    <AuthCard
      title="Sign in as operator"
      description="For the people who run this Loadline: create clubs and remove the demo. Club members sign in on the usual page."
    >
      <OperatorSignInForm />
    </AuthCard>
  );
}
