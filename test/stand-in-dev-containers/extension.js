// Stands in for ms-vscode-remote.remote-containers, which is closed source and cannot run in
// code-server: it registers the two rebuild command IDs Devcontainer Doctor calls and appends each
// call (command ID and arguments) as a JSON line to $DEVCONTAINER_DOCTOR_RECORD.
const fs = require('fs');
const vscode = require('vscode');

function recorder(command) {
  return (...args) => {
    const file = process.env.DEVCONTAINER_DOCTOR_RECORD;
    const line = JSON.stringify({ command, args: args.map((a) => (a instanceof vscode.Uri ? a.toString() : a)) });
    if (file) fs.appendFileSync(file, line + '\n');
  };
}

exports.activate = (context) => {
  for (const id of ['remote-containers.rebuildAndReopenInContainer', 'remote-containers.rebuildContainer']) {
    context.subscriptions.push(vscode.commands.registerCommand(id, recorder(id)));
  }
};
exports.deactivate = () => {};
