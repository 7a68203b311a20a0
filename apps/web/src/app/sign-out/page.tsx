import type { Metadata } from "next";
import { Button } from "@loadline/ui/button";
import { AuthCard } from "@/components/auth-card";
import { signOutAction } from "@/server/actions";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <AuthCard title="Sign out" description="You will need your email and password to sign in again.">
      <form action={signOutAction}>
        <Button type="submit" className="w-full">
          Sign out
        </Button>
      </form>
    </AuthCard>
  );
}
