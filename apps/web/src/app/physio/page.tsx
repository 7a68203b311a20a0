import { redirect } from "next/navigation";

export default function PhysioHome() {
  redirect("/physio/caseload");
}
