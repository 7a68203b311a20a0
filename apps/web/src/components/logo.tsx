import Link from "next/link";

/** The mark and the name; `nameClassName` lets a tight header keep only the mark visible (the name stays the link's text). */
export function Logo({ href = "/", nameClassName }: { href?: string; nameClassName?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-ring">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="8" className="fill-primary" />
        <path d="M7 22 L13 12 L18 18 L25 9" fill="none" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" className="stroke-primary-foreground" />
      </svg>
      <span className={nameClassName ? `text-lg ${nameClassName}` : "text-lg"}>Loadline</span>
    </Link>
  );
}
