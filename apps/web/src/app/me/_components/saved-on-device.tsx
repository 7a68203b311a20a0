"use client";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";

/** After a log was kept on the device instead of sent: what happens next, and where to go. */
export function SavedOnDevice({ what, onAnother, anotherLabel }: { what: string; onAnother: () => void; anotherLabel: string }) {
  return (
    <section aria-labelledby="saved-on-device-title" className="grid gap-4" data-testid="saved-on-device">
      <h2 id="saved-on-device-title" className="text-xl font-semibold" tabIndex={-1}>
        {what} saved on this device
      </h2>
      <Alert role="status">
        <AlertTitle>Not sent yet</AlertTitle>
        <AlertDescription>
          <p>
            Loadline could not be reached, so your {what.toLowerCase()} is saved on this device. It will be sent when you are back online, and its
            feedback appears in your logs then. Keep this app signed in until it is sent.
          </p>
        </AlertDescription>
      </Alert>
      <div className="grid grid-cols-2 gap-3">
        <Button variant="outline" size="lg" onClick={onAnother}>
          {anotherLabel}
        </Button>
        <Button asChild size="lg">
          <Link href="/me">Back to Today</Link>
        </Button>
      </div>
    </section>
  );
}
