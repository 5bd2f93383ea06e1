import { LanguageSwitch } from '@kmg/ui';
import { useMutation } from 'urql';
import { graphql } from '#graphql.ts';

const SetMyLocale = graphql(`
  mutation SetMyLocale($locale: Locale!) {
    setMyLocale(locale: $locale) { id locale }
  }
`);

/** The language switch; for a signed-in person the choice is remembered on their account too. */
export function LocaleSwitch({ signedIn }: { signedIn: boolean }) {
  const [, setMyLocale] = useMutation(SetMyLocale);
  return (
    <LanguageSwitch
      onChange={(locale) => {
        if (signedIn) void setMyLocale({ locale });
      }}
    />
  );
}
