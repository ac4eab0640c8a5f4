// Types for what TypeScript scripts (test/cdn/webkit.ts) use of webkit-driver.mjs.
import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
/** Xvfb on the first free display, and that display (":99"). */
export function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }>;
/** WebKitWebDriver on `display`, answering on 127.0.0.1:`port`. */
export function startDriver(display: string): Promise<{ driver: ChildProcess; port: number }>;
export function kill(child: ChildProcess | undefined): Promise<void>;
/** A new session's capabilities: MiniBrowser with `--automation` and `args`. */
export function miniBrowserCapabilities(args?: string[]): WebdriverIO.Capabilities;
