import type { Metadata } from "next";
import { Button } from "@loadline/ui/button";
import { AuthCard } from "@/components/auth-card";
import { SignOutForm } from "@/components/sign-out-form";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <AuthCard title="Sign out" description="You will need your email and password to sign in again.">
      <SignOutForm>
        <Button type="submit" className="w-full">
          Sign out
        </Button>
      </SignOutForm>
    </AuthCard>
  );
}
