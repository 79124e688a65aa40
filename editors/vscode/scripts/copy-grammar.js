// The extension ships the repository's one TextMate grammar (editors/textmate): copy it in.
const fs = require('fs');
const path = require('path');
const from = path.join(__dirname, '..', '..', 'textmate', 'safecase.tmLanguage.json');
const dir = path.join(__dirname, '..', 'syntaxes');
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(from, path.join(dir, 'safecase.tmLanguage.json'));
