"use client";

import { useState } from "react";

/** The GitHub avatar, or the login's initials when there is none or it cannot load (offline hosts). */
export function Avatar({ login, image }: { login: string; image: string | null }) {
  const [failed, setFailed] = useState(false);
  if (image && !failed) {
    return (
      // biome-ignore lint/performance/noImgElement: avatars come from the configured GitHub host, which next/image would need listed at build time.
      <img
        src={image}
        alt=""
        onError={() => setFailed(true)}
        // An image that failed before React hydrated fired its error event to nobody: look again.
        ref={(img) => {
          if (img?.complete && img.naturalWidth === 0) setFailed(true);
        }}
        className="size-7 rounded-full ring-1 ring-zinc-200"
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="flex size-7 items-center justify-center rounded-full bg-zinc-800 text-xs font-semibold uppercase text-white"
    >
      {login.slice(0, 2)}
    </span>
  );
}
