// What a community session does in the background once it is open: the secretary's community
// name from setup, the person's own roster entry, revocation. Loaded with the session, not before
// the first page: its model code (commands, reads) is not needed to draw a kept view.
import { useNameFromSetup } from '../state/useNameFromSetup';
import { useRosterSelf } from '../state/useRosterSelf';
import { useRevocation } from '../state/useRevocation';

export default function SessionChores(): null {
  useNameFromSetup();
  useRosterSelf();
  useRevocation();
  return null;
}
