export const metadata = { title: "Blank" };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
