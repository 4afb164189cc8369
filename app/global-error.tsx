"use client";

// Replaces the root layout when that layout itself fails (for example the database
// vanished mid-request), so it cannot rely on translations: it speaks both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="de">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem", color: "#1b1b1b" }}>
        <h1>Etwas ist schiefgelaufen</h1>
        <p>Beim Laden dieser Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.</p>
        <p lang="en">Something went wrong while loading this page. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Erneut versuchen / Try again
        </button>
      </body>
    </html>
  );
}
