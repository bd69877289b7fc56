// The one output channel: "JointSpec: Show Output" opens it. Errors carry their context.

import * as vscode from "vscode";

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

export function createLog(): Log & vscode.Disposable {
  const channel = vscode.window.createOutputChannel("JointSpec", { log: true });
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, error) =>
      channel.error(error === undefined ? message : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
