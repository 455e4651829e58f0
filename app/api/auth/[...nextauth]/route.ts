import { handlers } from "@/app/_server/auth";

// Auth.js's own endpoints (OAuth redirect and callback, CSRF, sign-out). Public by nature: they are
// how an anonymous visitor becomes a signed-in one; the authorization e2e test lists them as such.
export const { GET, POST } = handlers;
