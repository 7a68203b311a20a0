/*
 * Parses a watch file off the page's thread: a marathon at one point a second is 15,000+
 * points and a few MB of XML, which would freeze the form while it is read.
 */
import { readReply, type ReadRequest } from "./read-reply";

addEventListener("message", (event: MessageEvent<ReadRequest>) => {
  postMessage(readReply(event.data.name, new Uint8Array(event.data.bytes)));
});
