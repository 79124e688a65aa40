-- Headless Neovim as a real LSP client of `safecase lsp` (used by NeovimClientTest).
-- Environment: SAFECASE_LSP_CMD (the server command, JSON list), SAFECASE_ROOT, SAFECASE_FILE,
-- SAFECASE_HOVER and SAFECASE_DEFINITION ("line,character", 0-based), SAFECASE_OUT (where the
-- results are written as JSON). Works with Neovim 0.7 and later (vim.lsp.start_client).
local out = os.getenv('SAFECASE_OUT')
local results = { diagnostics = {}, hover = vim.NIL, definition = vim.NIL, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd('qall!')
end

local function pos(env)
  local l, c = string.match(os.getenv(env), '(%d+),(%d+)')
  return { line = tonumber(l), character = tonumber(c) }
end

vim.cmd('autocmd BufRead,BufNewFile *.case setfiletype safecase')

local ok, err = pcall(function()
  local got = false
  local client = vim.lsp.start_client({
    name = 'safecase',
    cmd = vim.fn.json_decode(os.getenv('SAFECASE_LSP_CMD')),
    root_dir = os.getenv('SAFECASE_ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
        if #result.diagnostics > 0 then got = true end
      end,
    },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SAFECASE_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[buf].filetype
  vim.lsp.buf_attach_client(buf, client)
  if not vim.wait(90000, function() return got end, 50) then
    table.insert(results.errors, 'no diagnostics within 90 s')
  end
  -- what Neovim itself holds after handling the notification
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(results.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
      severity = d.severity, code = d.code })
  end
  local uri = vim.uri_from_bufnr(buf)
  local function ask(method, env)
    local r = vim.lsp.buf_request_sync(buf, method, { textDocument = { uri = uri }, position = pos(env) }, 60000)
    if not r or not r[client] then
      table.insert(results.errors, method .. ': no answer')
      return vim.NIL
    end
    if r[client].error then table.insert(results.errors, method .. ': ' .. vim.inspect(r[client].error)) end
    return r[client].result or vim.NIL
  end
  results.hover = ask('textDocument/hover', 'SAFECASE_HOVER')
  results.definition = ask('textDocument/definition', 'SAFECASE_DEFINITION')
end)
if not ok then table.insert(results.errors, tostring(err)) end
finish()
