import { redirect } from "next/navigation";

export default function CoachHome() {
  redirect("/coach/board");
}
