// The wallet's list: the teacher's own credentials and the RPL recognitions universities issued
// them, newest first.

/** One card in the wallet: a credential as KMG issued it, or a university's RPL recognition. */
export type WalletEntry<C, R> =
  | { kind: 'credential'; id: string; status: string; validFrom: string; credential: C }
  | {
      kind: 'recognition';
      id: string;
      status: string;
      validFrom: string;
      credential: R;
      /** The programme's name in the reader's language, from the application. */
      programmeName: string | null;
    };

type Listed = { id: string; status: string; validFrom: string };

/**
 * `myCredentials` holds training and pathway credentials; a recognition is read from the RPL
 * application it decided. Any CLR bundle in `myCredentials` stays out: a recognition is shown
 * from its application (once, should the API list it too), a whole-wallet bundle is a download.
 */
export function walletEntries<C extends Listed & { kind: string }, R extends Listed>(data: {
  myCredentials: readonly C[];
  myRplApplications: readonly { programme: { name: string }; recognitionCredential: R | null }[];
}): WalletEntry<C, R>[] {
  const credentials = data.myCredentials
    .filter((credential) => credential.kind !== 'CLR')
    .map((credential): WalletEntry<C, R> => ({ kind: 'credential', ...pick(credential), credential }));
  const seen = new Set<string>();
  const recognitions = data.myRplApplications.flatMap((application): WalletEntry<C, R>[] => {
    const credential = application.recognitionCredential;
    if (!credential || seen.has(credential.id)) return [];
    seen.add(credential.id);
    return [
      {
        kind: 'recognition',
        ...pick(credential),
        credential,
        programmeName: application.programme.name || null,
      },
    ];
  });
  return [...credentials, ...recognitions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

function pick({ id, status, validFrom }: Listed) {
  return { id, status, validFrom };
}
