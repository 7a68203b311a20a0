/**
 * The emails Loadline sends, as plain text and HTML. None carries health data: a link, the
 * club's name and the person's own name, nothing about anyone's injury, plan or logs.
 */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function message(to: string, subject: string, paragraphs: string[], link: { url: string; label: string } | null, after: string): EmailMessage {
  const text = [...paragraphs, ...(link ? [link.url] : []), after, "Loadline"].join("\n\n");
  const html = [
    "<!doctype html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\">",
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...(link ? [`<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>`] : []),
    `<p style="color:#555">${escape(after)}</p>`,
    "<p>Loadline</p></body></html>",
  ].join("\n");
  return { to, subject, text, html };
}

export function inviteEmail(input: { to: string; name: string; clubName: string; role: string; url: string; owner?: boolean }): EmailMessage {
  const as = input.owner ? "its owner" : input.role === "athlete" ? "an athlete" : `a ${input.role}`;
  return message(
    input.to,
    input.owner ? `Set up ${input.clubName} on Loadline` : `${input.clubName} invited you to Loadline`,
    [`Hello ${input.name},`, `${input.clubName} added you to Loadline as ${as}. Open this link to choose your password:`],
    { url: input.url, label: "Choose your password" },
    "The link works once, for 7 days. If you did not expect this, ignore this email.",
  );
}

export function passwordResetEmail(input: { to: string; name: string; clubName: string; url: string }): EmailMessage {
  return message(
    input.to,
    "Reset your Loadline password",
    [`Hello ${input.name},`, `Someone at ${input.clubName} made a link for you to choose a new Loadline password:`],
    { url: input.url, label: "Choose a new password" },
    "The link works once, for 24 hours. If you did not ask for it, ignore this email and tell your club.",
  );
}

export function emailChangeEmail(input: { to: string; url: string }): EmailMessage {
  return message(
    input.to,
    "Confirm your new Loadline email",
    ["Hello,", "You asked to sign in to Loadline with this address. Open this link to confirm it:"],
    { url: input.url, label: "Confirm this email" },
    "The link works once, for 24 hours. Until then your old address keeps working. If you did not ask for this, ignore this email.",
  );
}

/** Staff corrected an athlete's email: the link goes to the new address, which opening it proves. */
export function staffEmailChangeEmail(input: { to: string; name: string; clubName: string; url: string }): EmailMessage {
  return message(
    input.to,
    "Confirm your new Loadline email",
    [`Hello ${input.name},`, `${input.clubName} corrected the email you sign in to Loadline with to this address. Open this link to confirm it:`],
    { url: input.url, label: "Confirm this email" },
    "The link works once, for 24 hours. Until then your old address keeps working. If this is not you, ignore this email.",
  );
}

/**
 * Sent instead of a confirmation when the corrected address already signs in to Loadline: only
 * the address's owner learns it, the club sees the same pending confirmation either way.
 */
export function emailTakenEmail(input: { to: string; clubName: string }): EmailMessage {
  return message(
    input.to,
    "Your Loadline email",
    [
      `${input.clubName} asked to use this address for an athlete's Loadline account.`,
      "This address already signs in to a Loadline account, and an address can sign in to only one, so nothing was changed.",
    ],
    null,
    `If you are that athlete, ask ${input.clubName} to use another address. If not, ignore this email.`,
  );
}

/** Told to the old address when staff ask to move the account: the account holder did not ask. */
export function emailChangeRequestedEmail(input: { to: string; name: string; clubName: string }): EmailMessage {
  return message(
    input.to,
    "Your Loadline email is being changed",
    [`Hello ${input.name},`, `${input.clubName} asked to change the email you sign in to Loadline with. A confirmation link went to the new address.`],
    null,
    "Nothing changes until that link is opened; until then you keep signing in with this address. If you did not expect this, tell your club.",
  );
}

/**
 * A reminder to log: the kind of log and a link, nothing else (no score, no pain, no plan, not
 * even why it is due).
 */
export function reminderEmail(input: { to: string; name: string; kind: "morning_check_in" | "visa_h_due"; url: string }): EmailMessage {
  const visaH = input.kind === "visa_h_due";
  return message(
    input.to,
    visaH ? "Your VISA-H questionnaire is due" : "Your morning check-in",
    [`Hello ${input.name},`, visaH ? "Your VISA-H questionnaire is due. It takes a few minutes:" : "Your morning check-in is not done yet today. It takes a minute:"],
    { url: input.url, label: visaH ? "Fill in the questionnaire" : "Do the check-in" },
    "Loadline sends each reminder at most once a day. Your club can turn check-in reminders off.",
  );
}
