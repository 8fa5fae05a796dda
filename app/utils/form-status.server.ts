/**
 * The status for answering a conform submission that did not succeed: 400
 * when a real submit failed validation (so a form posted without JavaScript
 * gets "bad request"), 200 for conform's validate-only round trip (a field
 * lost focus with JavaScript on: nothing was submitted, nothing is wrong).
 */
export function replyStatus(submission: { status?: "success" | "error" }): 200 | 400 {
  return submission.status === "error" ? 400 : 200;
}
