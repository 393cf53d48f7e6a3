import { AppError } from '../errors';
import { defineHandler } from './types';

/** Issued documents: the court summary, the list per case, downloading again and verifying a file (stubs). */
export const documentHandlers = {
  'documents.courtSummary': defineHandler('documents.courtSummary', {
    run() {
      throw new AppError('not_found', 'not written yet');
    },
  }),
  'documents.list': defineHandler('documents.list', {
    run() {
      throw new AppError('not_found', 'not written yet');
    },
  }),
  'documents.download': defineHandler('documents.download', {
    run() {
      throw new AppError('not_found', 'not written yet');
    },
  }),
  'documents.verify': defineHandler('documents.verify', {
    run() {
      throw new AppError('not_found', 'not written yet');
    },
  }),
};
