import { List, Text } from '@mantine/core';
import { Fragment } from 'react';

/**
 * Why a teacher may not apply, in the API's words: one reason as a sentence, several as a list.
 * "pelajaran/kompetensi" may break after its slash, so a narrow phone column does not leave
 * "mata" alone on a line before it.
 */
export function EligibilityReasons({ reasons }: { reasons: readonly { rule: string; message: string }[] }) {
  const [only] = reasons;
  if (reasons.length === 1 && only) {
    return (
      <Text size="sm" style={{ textWrap: 'pretty' }}>
        {breakAfterSlashes(only.message)}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} style={{ textWrap: 'pretty' }}>
      {reasons.map((reason) => (
        <List.Item key={reason.rule}>{breakAfterSlashes(reason.message)}</List.Item>
      ))}
    </List>
  );
}

function breakAfterSlashes(text: string) {
  const parts = text.split('/');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}
