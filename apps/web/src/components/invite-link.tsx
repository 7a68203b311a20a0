"use client";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { formatInClubTime } from "@loadline/domain";
import { useClubCalendar } from "./club-calendar";

/** Shows a one-time invite (or password-reset) link to copy: Loadline sends no email. */
export function InviteLink({
  path,
  name,
  expiresAt,
  kind = "invite",
}: {
  path: string;
  name: string;
  expiresAt: Date;
  kind?: "invite" | "reset" | "email";
}) {
  const title = { invite: "Invite link", reset: "Password reset link", email: "Email confirmation link" }[kind];
  const calendar = useClubCalendar();
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (e.g. insecure origin); the field stays selectable.
      document.getElementById("invite-url")?.focus();
    }
  };
  return (
    <Alert className="max-w-2xl" role="status">
      <AlertTitle>
        {title} for {name}
      </AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>
          {kind === "email" ? "Open this link yourself to confirm the address." : `Send this link to ${name} yourself.`} It works once, until{" "}
          {kind !== "invite"
            ? `${formatInClubTime(expiresAt, calendar, "dateTime")}; older links no longer work`
            : formatInClubTime(expiresAt, calendar, "shortDate")}
          .
        </p>
        <Label htmlFor="invite-url" className="sr-only">
          {title}
        </Label>
        <div className="flex gap-2">
          <Input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
          <Button type="button" variant="secondary" onClick={copy}>
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
