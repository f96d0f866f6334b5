-- End-to-end test of `devcontainer-doctor lsp` with Neovim's own LSP client: attach the server
-- to a broken devcontainer.json, wait for its diagnostics, ask for a completion and apply a
-- quick fix; then open a configuration whose Dockerfile has a finding, published on the
-- Dockerfile's own URI; then open a Dockerfile alone (its `.devcontainer/<name>/devcontainer.json`
-- never opened), whose findings come from the configuration the server finds on disk. Works with Neovim 0.7 (Debian 12: vim.lsp.start_client) and newer (vim.lsp.start).
-- Run by run.sh: DD_SERVER is the built binary, DD_DIR a scratch folder. Exits non-zero on failure.

local server = assert(os.getenv('DD_SERVER'), 'DD_SERVER is not set')
local dir = assert(os.getenv('DD_DIR'), 'DD_DIR is not set')
local path = dir .. '/.devcontainer/devcontainer.json'

local function say(text)
  io.stdout:write(text .. '\n')
end

local function check(cond, what)
  if not cond then
    error(what, 2)
  end
  say('ok: ' .. what)
end

local function codes(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do
    table.insert(list, tostring(d.code))
  end
  table.sort(list)
  return table.concat(list, ',')
end

local function run()
  vim.fn.mkdir(dir .. '/.devcontainer', 'p')
  vim.fn.writefile({
    '{',
    '  "image": "mcr.microsoft.com/devcontainers/go:1",',
    '  "forwardPorts": ["8080"],',
    '  ',
    '  "name": "x",',
    '}',
  }, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()

  local config = {
    name = 'devcontainer-doctor',
    cmd = { server, 'lsp' },
    root_dir = dir,
  }
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config, { bufnr = buf })
  else
    id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, id)
  end
  check(id ~= nil, 'the server started')
  local client = vim.lsp.get_client_by_id(id)
  check(vim.wait(10000, function() return client.initialized end, 20), 'the server initialized')

  -- Diagnostics are pushed after the open.
  check(vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 2 end, 20), 'diagnostics arrived')
  local diagnostics = vim.diagnostic.get(buf)
  check(codes(diagnostics) == 'port-as-string,trailing-comma', 'the codes: ' .. codes(diagnostics))

  -- Completion on the empty line 4 (0-based line 3, after the indent).
  local uri = vim.uri_from_bufnr(buf)
  local answer = client.request_sync('textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = 3, character = 2 },
  }, 5000, buf)
  check(answer and answer.result and not answer.err, 'completion answered')
  local items = answer.result.items or answer.result
  local found
  for _, item in ipairs(items) do
    if item.label == 'remoteUser' then
      found = item
    end
  end
  check(found ~= nil, 'completion offers remoteUser among ' .. #items .. ' items')
  local snippets = (client.config.capabilities or vim.lsp.protocol.make_client_capabilities())
    .textDocument.completion.completionItem.snippetSupport
  if not snippets then
    check(found.insertTextFormat ~= 2, 'plain text for a client without snippets')
  end

  -- The quick fix of the port finding, applied to the buffer.
  local port
  for _, d in ipairs(diagnostics) do
    if d.code == 'port-as-string' then
      port = d
    end
  end
  local range = {
    start = { line = port.lnum, character = port.col },
    ['end'] = { line = port.end_lnum, character = port.end_col },
  }
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = range,
    context = {
      diagnostics = {
        { range = range, message = port.message, code = port.code, severity = port.severity },
      },
    },
  }, 5000, buf)
  check(actions and actions.result and #actions.result > 0, 'code actions answered: ' .. vim.inspect(actions and actions.err))
  local fix
  for _, action in ipairs(actions.result) do
    if action.kind == 'quickfix' and action.isPreferred then
      fix = action
    end
  end
  check(fix ~= nil, 'a preferred quick fix: ' .. (fix and fix.title or 'none'))
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(line == '  "forwardPorts": [8080],', 'the fix edited the buffer: ' .. line)

  -- The edit reaches the server (didChange) and its finding goes away.
  check(vim.wait(10000, function() return codes(vim.diagnostic.get(buf)) == 'trailing-comma' end, 20),
    'the port finding is gone after the fix')

  -- A second configuration, built from a Dockerfile that runs apt-get install without -y.
  local dir2 = dir .. '/built'
  vim.fn.mkdir(dir2 .. '/.devcontainer', 'p')
  vim.fn.writefile({
    'FROM mcr.microsoft.com/devcontainers/base:bookworm',
    'RUN apt-get update && apt-get install --no-install-recommends git',
  }, dir2 .. '/.devcontainer/Dockerfile')
  vim.fn.writefile({ '{ "build": { "dockerfile": "Dockerfile" } }' }, dir2 .. '/.devcontainer/devcontainer.json')
  vim.cmd('edit ' .. vim.fn.fnameescape(dir2 .. '/.devcontainer/devcontainer.json'))
  vim.lsp.buf_attach_client(vim.api.nvim_get_current_buf(), id)
  local dockerfile = vim.uri_to_bufnr(vim.uri_from_fname(dir2 .. '/.devcontainer/Dockerfile'))
  check(vim.wait(10000, function() return #vim.diagnostic.get(dockerfile) > 0 end, 20),
    'diagnostics arrived for the Dockerfile')
  check(codes(vim.diagnostic.get(dockerfile)) == 'dockerfile-apt-install-without-yes',
    'the Dockerfile code: ' .. codes(vim.diagnostic.get(dockerfile)))

  -- A Dockerfile opened on its own: busybox's adduser on Alpine has no -m.
  local dir3 = dir .. '/alone/.devcontainer/go'
  vim.fn.mkdir(dir3, 'p')
  vim.fn.writefile({
    'FROM golang:1.22-alpine3.19',
    'RUN adduser -u 1001 -m -s /bin/sh -D dev',
  }, dir3 .. '/Dockerfile')
  vim.fn.writefile({ '{ "build": { "dockerfile": "Dockerfile" } }' }, dir3 .. '/devcontainer.json')
  vim.cmd('edit ' .. vim.fn.fnameescape(dir3 .. '/Dockerfile'))
  local alone = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(alone, id)
  check(vim.wait(10000, function() return #vim.diagnostic.get(alone) > 0 end, 20),
    'diagnostics arrived for the Dockerfile opened alone')
  local busybox = vim.diagnostic.get(alone)
  check(codes(busybox) == 'dockerfile-busybox-flag-unknown', 'the lone Dockerfile code: ' .. codes(busybox))
  check(busybox[1].lnum == 1 and busybox[1].col == 20, 'at -m: ' .. busybox[1].lnum .. ':' .. busybox[1].col)

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
  say('PASS: Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor))
end

local ok, err = pcall(run)
if not ok then
  io.stderr:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
