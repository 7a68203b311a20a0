/** Save a ZIP the API sent as base64 (the exports) under its file name. */
export function downloadZip(file: { zipBase64: string; fileName: string }): void {
  const bytes = Uint8Array.from(atob(file.zipBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(url);
}
