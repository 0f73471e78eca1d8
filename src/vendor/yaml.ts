export { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, YAMLMap } from 'yaml';
export type { Document, Node, Tags } from 'yaml';
