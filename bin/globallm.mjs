#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx globallm` works straight after `npm install`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
await main(process.argv);
