/** English words of the audit log's checkpoints (verify result, printed checkpoint); ro and bg mirror its keys. */
export const auditAnchor = {
  agrees: 'It agrees with all {{count}} checkpoints kept outside the database. Latest: entry {{entry}}, {{at}} ({{reason}}).',
  noCheckpoints:
    'No checkpoint file was found, so only the chain itself was checked. Someone holding the key file could rewrite it unseen: type in a checkpoint printed on an issued document to compare.',
  rewritten:
    'The log was rewritten. The checkpoint of {{at}} ({{reason}}) recorded entry {{entry}} with head {{expected}}; the log now has {{found}} there.',
  cutShort:
    'The log was cut short. The checkpoint of {{at}} ({{reason}}) recorded entry {{entry}} with head {{expected}}; the log no longer reaches that entry.',
  disagreeing: '{{count}} of {{total}} checkpoints disagree; the earliest is shown.',
  fileDamaged: 'The checkpoint file itself was edited or cut short (from line {{line}}). Compare it with its copies kept off this computer.',
  report: 'Report this to the centre’s management.',
  printedAgrees: 'The printed checkpoint (entry {{entry}}) agrees with the log.',
  printedDiffers: 'The printed checkpoint (entry {{entry}}) disagrees with the log, which has {{found}} there: the log was rewritten at or before that entry.',
  printedBeyond: 'The printed checkpoint (entry {{entry}}) lies beyond the end of the log: entries were removed.',
  printed: {
    title: 'Compare with a printed checkpoint',
    intro: 'Every issued document prints the audit checkpoint of its moment at the foot of its last page. Type it here to check the log against the paper.',
    entry: 'Entry',
    head: 'Head',
    headHint: 'At least the first 16 characters; spaces do not matter.',
    compare: 'Compare with the log',
  },
  reasons: {
    start: 'start',
    hourly: 'hourly',
    document: 'issued document',
    backup: 'backup',
    stop: 'stop',
  },
};
