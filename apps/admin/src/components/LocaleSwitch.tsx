import { LanguageSwitch, rememberSignedOutChoice } from '@kmg/ui';
import { useMutation } from 'urql';
import { graphql } from '#graphql.ts';

const SetMyLocale = graphql(`
  mutation SetMyLocale($locale: Locale!) {
    setMyLocale(locale: $locale) { id locale }
  }
`);

/**
 * The language switch; the choice is remembered on the account of a signed-in person, and on the
 * account of whoever signs in next when made signed out.
 */
export function LocaleSwitch({ signedIn }: { signedIn: boolean }) {
  const [, setMyLocale] = useMutation(SetMyLocale);
  return (
    <LanguageSwitch
      onChange={(locale) => {
        if (signedIn) void setMyLocale({ locale });
        else rememberSignedOutChoice(locale);
      }}
    />
  );
}
