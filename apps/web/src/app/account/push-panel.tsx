"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Separator } from "@loadline/ui/separator";
import { useTRPC } from "@/trpc/react";

/*
 * Push notifications for this browser. The subscription belongs to a small push-only service
 * worker (public/push-sw.js) registered with a scope no page lives under, for every role: it
 * controls no page and caches nothing, so turning push on changes nothing else (the athlete
 * app's offline worker keeps /me to itself, and staff do not download the offline precache).
 */
const PUSH_WORKER_URL = "/push-sw.js";
const PUSH_WORKER_SCOPE = "/push/";

type BrowserState = "unsupported" | "on" | "off" | "blocked";

const pushSupported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** The worker once it is active (a subscription needs an active worker). */
async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(PUSH_WORKER_URL, { scope: PUSH_WORKER_SCOPE });
  const worker = registration.installing ?? registration.waiting;
  if (!registration.active && worker) {
    await new Promise<void>((resolve) => {
      worker.addEventListener("statechange", () => {
        if (worker.state === "activated") resolve();
      });
    });
  }
  return registration;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(PUSH_WORKER_SCOPE);
  return registration ? registration.pushManager.getSubscription() : null;
}

function subscriptionInput(subscription: PushSubscription) {
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } };
}

export function PushPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.push.status.queryOptions());
  const [browser, setBrowser] = useState<BrowserState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());

  useEffect(() => {
    if (!pushSupported()) {
      setBrowser("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setBrowser("blocked");
      return;
    }
    void currentSubscription()
      .then((s) => setBrowser(s ? "on" : "off"))
      .catch(() => setBrowser("off"));
  }, []);

  if (!status.data?.available || browser === null || browser === "unsupported") return null;
  const publicKey = status.data.publicKey;

  const run = async (task: () => Promise<BrowserState>) => {
    setBusy(true);
    setError(null);
    try {
      setBrowser(await task());
      await queryClient.invalidateQueries({ queryKey: trpc.push.status.queryKey() });
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "Push notifications could not be changed in this browser.");
    } finally {
      setBusy(false);
    }
  };

  const turnOn = () =>
    run(async () => {
      if ((await Notification.requestPermission()) !== "granted") return "blocked";
      const registration = await activeRegistration();
      const existing = await registration.pushManager.getSubscription();
      const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }));
      await subscribe.mutateAsync(subscriptionInput(subscription));
      return "on";
    });

  const turnOff = () =>
    run(async () => {
      const subscription = await currentSubscription();
      if (subscription) {
        // The server forgets it first: a browser that then fails to unsubscribe gets nothing more.
        await unsubscribe.mutateAsync({ endpoint: subscription.endpoint }).catch(() => undefined);
        await subscription.unsubscribe();
      }
      return "off";
    });

  return (
    <section aria-labelledby="push-heading" className="grid gap-3">
      <Separator className="my-2" />
      <h2 id="push-heading" className="text-base font-semibold">
        Push notifications
      </h2>
      <p className="text-sm text-muted-foreground">
        Off by default. When on, this browser shows a notification when a colleague mentions you in a note. The notification says only that there is something
        new in Loadline, never names or health details.
      </p>
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {browser === "blocked" ? (
        <p role="status" className="text-sm">
          Notifications are blocked for Loadline in this browser&apos;s settings. Allow them there to turn push on.
        </p>
      ) : null}
      <p role="status" className="text-sm">
        {browser === "on" ? "On for this browser." : "Off for this browser."}
      </p>
      <div>
        {browser === "on" ? (
          <Button type="button" variant="outline" disabled={busy} onClick={() => void turnOff()}>
            Turn off push notifications
          </Button>
        ) : (
          <Button type="button" disabled={busy || browser === "blocked"} onClick={() => void turnOn()}>
            Turn on push notifications
          </Button>
        )}
      </div>
    </section>
  );
}
