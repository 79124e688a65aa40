// The safecase extension: the language (highlighting from editors/textmate) and a client that
// starts `safecase lsp` and talks to it over stdio. Everything else is the server's.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('safecase');
  const command = config.get<string>('command', 'safecase');
  const args = config.get<string[]>('args', []);
  const serverOptions: ServerOptions = {
    command,
    args: ['lsp', ...args],
    transport: TransportKind.stdio,
  };
  const failOn = config.get<string>('failOn', '');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'safecase' }],
    initializationOptions: {
      strict: config.get<boolean>('strict', false),
      ...(failOn ? { failOn } : {}),
    },
  };
  client = new LanguageClient('safecase', 'safecase', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => { void client?.stop(); } });
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
