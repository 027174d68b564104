// Table of .dockerignore cases: a tree of files, an ignore file, and the
// files Docker sends. The unit tests check our matcher against it; the e2e
// differential test checks the same table against the real BuildKit.

export interface IgnoreCase {
  name: string;
  /** The .dockerignore text. */
  ignore: string;
  /** Files of the tree (parents are created); `x/` is an empty directory. */
  files: string[];
  /** The regular files that are sent (sorted, code point order). */
  sent: string[];
}

export const IGNORE_CASES: IgnoreCase[] = [
  {
    name: 'a plain name matches at the root only',
    ignore: '*.md\n',
    files: ['a.md', 'b.txt', 'dir/c.md'],
    sent: ['.dockerignore', 'b.txt', 'dir/c.md'],
  },
  {
    name: '**/ matches at any depth, including the root',
    ignore: '**/*.md\n',
    files: ['a.md', 'b.txt', 'dir/c.md', 'dir/sub/d.md'],
    sent: ['.dockerignore', 'b.txt'],
  },
  {
    name: '# is a comment only in column 1',
    ignore: '# a.md\n #b.md\n#c.md\n',
    files: ['a.md', 'b.md', '#b.md', 'c.md', '# a.md'],
    sent: ['# a.md', '.dockerignore', 'a.md', 'b.md', 'c.md'],
  },
  {
    name: 'surrounding white space is trimmed',
    ignore: '  a.md  \n\tb.md\t\n \n',
    files: ['a.md', 'b.md', 'c.md'],
    sent: ['.dockerignore', 'c.md'],
  },
  {
    name: 'leading / and ./ and inner .. are cleaned',
    ignore: '/a.md\n./b.md\nx/../c.md\ndir//e.md\ndir/./f.md\n',
    files: ['a.md', 'b.md', 'c.md', 'd.md', 'x/c.md', 'dir/e.md', 'dir/f.md'],
    sent: ['.dockerignore', 'd.md', 'x/c.md'],
  },
  {
    name: 'a trailing slash still matches a file or a directory',
    ignore: 'dir/\nfile/\n',
    files: ['dir/a', 'file', 'other'],
    sent: ['.dockerignore', 'other'],
  },
  {
    name: '! re-includes; the last match wins',
    ignore: '*.md\n!README.md\nb.md\n!b.md\nc.md\n!c.md\nc.md\n',
    files: ['README.md', 'a.md', 'b.md', 'c.md'],
    sent: ['.dockerignore', 'README.md', 'b.md'],
  },
  {
    name: '"! pattern" is "!pattern"',
    ignore: '*\n!  keep\n',
    files: ['keep', 'drop'],
    sent: ['keep'],
  },
  {
    name: 'an excluded directory with a re-included child',
    ignore: 'dir\n!dir/keep.txt\n',
    files: ['dir/keep.txt', 'dir/drop.txt', 'dir/sub/keep.txt'],
    sent: ['.dockerignore', 'dir/keep.txt'],
  },
  {
    name: 'dir/* with a re-included subdirectory',
    ignore: 'dir/*\n!dir/sub\n',
    files: ['dir/a', 'dir/sub/b', 'dir/sub/deep/c'],
    sent: ['.dockerignore', 'dir/sub/b', 'dir/sub/deep/c'],
  },
  {
    name: 'exceptions with ** below an excluded directory',
    ignore: 'dir\n!dir/**/*.txt\n',
    files: ['dir/a.txt', 'dir/sub/b.txt', 'dir/sub/c.md', 'top.txt'],
    sent: ['.dockerignore', 'dir/a.txt', 'dir/sub/b.txt', 'top.txt'],
  },
  {
    name: 'a/**/b matches zero or more directories',
    ignore: 'a/**/b\n',
    files: ['a/b', 'a/x/b', 'a/x/y/b', 'a/c', 'b'],
    sent: ['.dockerignore', 'a/c', 'b'],
  },
  {
    name: 'a/** leaves the directory itself',
    ignore: 'a/**\n',
    files: ['a/x', 'a/y/z', 'ab'],
    sent: ['.dockerignore', 'ab'],
  },
  {
    name: '**name is a plain suffix test (no separator needed)',
    ignore: '**foo\n',
    files: ['foo', 'barfoo', 'x/foo', 'x/afoo', 'foox'],
    sent: ['.dockerignore', 'foox'],
  },
  {
    name: 'name** is a plain prefix test',
    ignore: 'foo**\n',
    files: ['foo.txt', 'foobar', 'foo/x', 'xfoo'],
    sent: ['.dockerignore', 'xfoo'],
  },
  {
    name: '? is one character, not a separator',
    ignore: '?.txt\na?c\n',
    files: ['a.txt', 'ab.txt', 'abc', 'a/c', 'ac'],
    sent: ['.dockerignore', 'a/c', 'ab.txt', 'ac'],
  },
  {
    name: 'character classes and ranges',
    ignore: '[ab].txt\n[c-e]z\n[^x]y\n',
    files: ['a.txt', 'b.txt', 'c.txt', 'dz', 'fz', 'xy', 'qy'],
    sent: ['.dockerignore', 'c.txt', 'fz', 'xy'],
  },
  {
    name: '[!a] is a class of ! and a (Go regexp, not shell negation)',
    ignore: '[!a]b\n',
    files: ['!b', 'ab', 'cb'],
    sent: ['.dockerignore', 'cb'],
  },
  {
    name: 'a negated class can match a separator',
    ignore: 'a[^x]b\n',
    files: ['a/b', 'azb', 'axb'],
    sent: ['.dockerignore', 'axb'],
  },
  {
    name: 'a ? inside a class becomes a class of its own',
    ignore: 'a[?]b\n',
    files: ['a[]b', 'a^]b', 'a?b', 'axb'],
    sent: ['.dockerignore', 'a?b', 'axb'],
  },
  {
    name: 'backslash escapes a special character',
    ignore: '\\*.txt\na\\?b\n\\[x\\]\n',
    files: ['*.txt', 'a.txt', 'a?b', 'axb', '[x]', 'x'],
    sent: ['.dockerignore', 'a.txt', 'axb', 'x'],
  },
  {
    name: 'Go regexp escapes: \\d is a digit',
    ignore: 'file\\d\n',
    files: ['file1', 'filed', 'file12'],
    sent: ['.dockerignore', 'file12', 'filed'],
  },
  {
    name: 'Go regexp escapes: \\pL is a Unicode letter',
    ignore: 'x\\pL\n',
    files: ['xé', 'xa', 'x1', 'x_'],
    sent: ['.dockerignore', 'x1', 'x_'],
  },
  {
    name: 'Go regexp escapes: \\Q quotes the rest, * included',
    ignore: '\\Qa*\n',
    files: ['a', 'ab', 'a*'],
    sent: ['.dockerignore', 'a', 'a*', 'ab'],
  },
  {
    name: 'POSIX classes inside brackets',
    ignore: '[[:digit:]]x\n',
    files: ['1x', 'ax', ':x'],
    sent: ['.dockerignore', ':x', 'ax'],
  },
  {
    name: 'regexp metacharacters are literal',
    ignore: 'a.b*\n(x)+?\n{y}|$*\n',
    files: ['a.b', 'a.bc', 'axb', 'axbc', '(x)+1', '(x)+', 'xx', '{y}|$', '{y}|$z'],
    sent: ['(x)+', '.dockerignore', 'axb', 'axbc', 'xx'],
  },
  {
    name: 'matching is case-sensitive',
    ignore: 'readme.md\n',
    files: ['readme.md', 'README.md', 'Readme.md'],
    sent: ['.dockerignore', 'README.md', 'Readme.md'],
  },
  {
    name: 'non-ASCII and spaces in names and patterns',
    ignore: 'résumé*\nmy file.txt\n日本/*\n',
    files: ['résumé.pdf', 'resume.pdf', 'my file.txt', 'my  file.txt', '日本/語', '日本語'],
    sent: ['.dockerignore', 'my  file.txt', 'resume.pdf', '日本語'],
  },
  {
    name: 'dot files are ordinary names',
    ignore: '.*\n!.keep\n',
    files: ['.env', '.git/config', '.keep', 'a/.env', 'b'],
    sent: ['.keep', 'a/.env', 'b'],
  },
  {
    name: '.dockerignore and Dockerfile can exclude themselves',
    ignore: '.dockerignore\nDockerfile\n',
    files: ['Dockerfile', 'a'],
    sent: ['a'],
  },
  {
    name: 'CRLF line ends and a UTF-8 BOM',
    ignore: '\uFEFFa.md\r\nb.md\r\n',
    files: ['a.md', 'b.md', 'c.md'],
    sent: ['.dockerignore', 'c.md'],
  },
  {
    name: 'patterns outside the context match nothing',
    ignore: '../a.md\n/\n.\n',
    files: ['a.md'],
    sent: ['.dockerignore', 'a.md'],
  },
  {
    name: 'a child inherits only the patterns its parent was tested against',
    // At `a`, `!a` is not evaluated (nothing matched yet), so `a/b`, excluded
    // by `**/b`, is not re-included by `!a` (fsutil's MatchInfo semantics).
    ignore: '**/b\n!a\n',
    files: ['a/b', 'a/c', 'b'],
    sent: ['.dockerignore', 'a/c'],
  },
  {
    name: 'an exclusion inside a re-included directory',
    ignore: 'a\n!a/b\na/b/c\n',
    files: ['a/x', 'a/b/c', 'a/b/d', 'a/b/c2'],
    sent: ['.dockerignore', 'a/b/c2', 'a/b/d'],
  },
  {
    name: 'names with glob characters',
    ignore: 'a\\[1\\].txt\n',
    files: ['a[1].txt', 'a1.txt', 'x?y', 'star*', '!bang'],
    sent: ['!bang', '.dockerignore', 'a1.txt', 'star*', 'x?y'],
  },
];

/** Ignore files that Docker refuses, with the line our error names. */
export const BAD_IGNORE_FILES: { name: string; ignore: string; line: number }[] = [
  { name: 'a lone !', ignore: 'a\n!\n', line: 2 },
  { name: 'a lone ! with spaces', ignore: '# c\n\n  !  \n', line: 3 },
  { name: 'an unclosed class', ignore: 'ok\n[abc\n', line: 2 },
  { name: 'an empty class', ignore: '[]\n', line: 1 },
  { name: 'a class ending in -', ignore: 'x\ny\n[a-]\n', line: 3 },
  { name: 'a trailing backslash', ignore: 'a\\\n', line: 1 },
  { name: '!/ cleans to a lone !', ignore: '!/\n', line: 1 },
  { name: 'a reversed range (Go regexp refuses it)', ignore: 'a\n[z-a]\n', line: 2 },
  { name: 'an unknown escape (Go regexp refuses it)', ignore: 'a\\y\n', line: 1 },
];
