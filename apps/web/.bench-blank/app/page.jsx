export default function Page() {
  return <main><h1>Blank Next.js page</h1><p>The baseline for pnpm bench:web.</p></main>;
}
