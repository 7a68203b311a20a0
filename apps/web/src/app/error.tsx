"use client";
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";
import { Button } from "@loadline/ui/button";
import { AuthCard } from "@/components/auth-card";

type Cause = "checking" | "database" | "offline" | "other";

/**
 * A page that failed to render. Production builds hide the server's error from the browser, so
 * the page asks the readiness probe whether the database is the cause: then it says so, checks
 * again every few seconds and reloads the page by itself once the database answers. Without a
 * connection (the browser says it is offline) it says that instead, and reloads once it is back.
 */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const [cause, setCause] = useState<Cause>("checking");
  const router = useRouter();
  // A server component's error clears only when the server renders the page again.
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [router, reset],
  );

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawOutage = false;
    const probe = async () => {
      let ready = false;
      try {
        const response = await fetch("/api/health/ready", {
          cache: "no-store",
        });
        ready = response.ok;
      } catch {
        ready = false;
      }
      if (stopped) return;
      if (!ready && navigator.onLine === false) {
        sawOutage = true;
        setCause("offline");
        timer = setTimeout(() => void probe(), 3_000);
        return;
      }
      if (ready && sawOutage) {
        retry();
        return;
      }
      if (ready) {
        setCause("other");
        return;
      }
      sawOutage = true;
      setCause("database");
      timer = setTimeout(() => void probe(), 3_000);
    };
    void probe();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  if (cause === "offline") {
    return (
      <AuthCard title="You're offline">
        <p role="status" className="mb-4 text-sm text-muted-foreground">
          Nothing you saved is lost. This page reloads by itself as soon as the connection is back.
        </p>
        <Button className="w-full" onClick={retry}>
          Try again now
        </Button>
      </AuthCard>
    );
  }
  if (cause === "database") {
    return (
      <AuthCard title="Loadline can't reach its database">
        <p role="status" className="mb-4 text-sm text-muted-foreground">
          Nothing you saved is lost. This page reloads by itself as soon as the database answers again,
          usually within a minute.
        </p>
        <Button className="w-full" onClick={retry}>
          Try again now
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="This page could not be shown">
      <p className="mb-4 text-sm text-muted-foreground">
        {cause === "checking" ? "Checking what went wrong…" : "Something went wrong on our side."}
        {error.digest ? ` Reference: ${error.digest}` : null}
      </p>
      <Button className="w-full" onClick={retry}>
        Try again
      </Button>
    </AuthCard>
  );
}
