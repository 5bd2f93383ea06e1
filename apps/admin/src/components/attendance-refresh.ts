import { graphql } from '#graphql.ts';

/**
 * What a change to attendance (recorded, imported from CSV, confirmed from a QR check-in) returns
 * of a call, so the register and the completion figures update in place from the cache.
 */
export const AttendanceRefresh_call = graphql(`
  fragment AttendanceRefresh_call on TrainingCall {
    id
    participants(first: $first) {
      totalCount
      edges {
        node {
          id
          attendance { dayId present late note }
          completion { attendancePercent complete passed reasons { code message } }
        }
      }
    }
  }
`);
