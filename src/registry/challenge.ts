// `WWW-Authenticate` parsing (RFC 7235 §4.1), enough for registries: one or more
// challenges, each a scheme followed by comma-separated `name=value` parameters whose
// values may be quoted strings that hold commas, e.g.
//   Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull,push"

export interface Challenge {
  /** Lowercase: `basic`, `bearer`, … */
  scheme: string;
  /** Parameter names lowercased (`realm`, `service`, `scope`, `error`); values unquoted. */
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/** All challenges in a header value, in order. Unparseable trailing text is ignored. */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let position = 0;

  const skip = (pattern: RegExp) => {
    while (position < header.length && pattern.test(header[position]!)) position++;
  };
  const readToken = (): string => {
    const start = position;
    while (position < header.length && TOKEN_CHAR.test(header[position]!)) position++;
    return header.slice(start, position);
  };
  const readQuoted = (): string => {
    position++; // opening quote
    let value = '';
    while (position < header.length && header[position] !== '"') {
      // A backslash escapes the next character (quoted-pair).
      if (header[position] === '\\' && position + 1 < header.length) position++;
      value += header[position];
      position++;
    }
    position++; // closing quote
    return value;
  };

  while (position < header.length) {
    skip(/[\s,]/);
    const scheme = readToken();
    if (scheme === '') break;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);

    for (;;) {
      skip(/[\s,]/);
      const paramStart = position;
      const name = readToken();
      skip(/[ \t]/);
      if (name === '' || header[position] !== '=') {
        // Not a parameter: the next challenge's scheme (or token68, which registries
        // do not use). Rewind so the outer loop reads it as a scheme.
        position = paramStart;
        break;
      }
      position++; // '='
      skip(/[ \t]/);
      const value = header[position] === '"' ? readQuoted() : readToken();
      challenge.params[name.toLowerCase()] = value;
    }
    // Guard against a token68 (`Negotiate abc==`): step over it.
    if (position < header.length && !/[\s,]/.test(header[position]!) && !TOKEN_CHAR.test(header[position]!)) {
      position++;
    }
  }
  return challenges;
}

/** The challenge to answer: Bearer when offered (it scopes access), else Basic. */
export function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
