import { DefaultFailureConverter } from '@temporalio/common';

// Loaded by path (DataConverter.failureConverterPath), also inside the workflow sandbox: failure
// messages and stack traces go into the encoded details, so the codec encrypts them as well (an
// activity's error can quote a name or a number).
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
