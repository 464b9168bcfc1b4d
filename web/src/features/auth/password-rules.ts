// The password rules the server enforces, mirrored so the form can say what is wrong before
// sending. The server stays the judge (it also refuses common passwords, which only it knows).
export const MIN_PASSWORD_LENGTH = 12;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; a common password is refused.`;

/** What is wrong with a new password, or null when it looks acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (${password.length} so far).`;
  }
  return null;
}

export function confirmationProblem(password: string, confirmation: string): string | null {
  return password === confirmation ? null : 'The two passwords differ.';
}

/** A deliberately loose check: the server validates the address; this catches typos like a missing @. */
export function emailProblem(email: string): string | null {
  return /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? null : 'Enter an e-mail address like ana@example.com.';
}
