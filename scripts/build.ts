/** `npm run build`: the Next.js production build and the production server (scripts/server.ts) beside it. */
import { spawnSync } from "node:child_process";

import { buildServer } from "./build-stamp";
import { NEXT_BIN } from "./serve";

const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
await buildServer();
