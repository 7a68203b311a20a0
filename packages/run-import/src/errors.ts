/** Why a file could not be imported; the message is shown to the athlete as is. */
export type RunImportErrorCode = "unsupported_format" | "corrupt" | "no_track" | "too_large";

export class RunImportError extends Error {
  readonly code: RunImportErrorCode;
  constructor(code: RunImportErrorCode, message: string) {
    super(message);
    this.name = "RunImportError";
    this.code = code;
  }
}
