import type { Identity } from '@entente/auth';
import { canManage, canReadSharedData, canSeeNetwork, standingOf } from './network-access';
import type { NetworkRecord } from './network.schema';

const coordinatorId = '6f1c2d3e-0000-4000-8000-000000000001';
const network: NetworkRecord = {
  networkId: 'n-1',
  name: 'Baltic cities',
  description: null,
  coordinatorUserIds: [coordinatorId],
  createdBy: 'u-0',
  createdAt: new Date(),
  updatedAt: new Date(),
};
const person = (over: Partial<Identity>): Identity => ({ userId: 'u-9', username: 'someone', jurisdictionId: 'rostock', roles: ['staff'], ...over });

describe('network access', () => {
  it('makes a named user with the regional-coordinator role a coordinator, and nobody else', () => {
    const named = standingOf(person({ userId: coordinatorId, roles: ['regional-coordinator'] }), network, null);
    expect(named.coordinator).toBe(true);
    expect(canReadSharedData(named) && canManage(named) && canSeeNetwork(named)).toBe(true);
    // The role alone (a coordinator of another network) is nothing here.
    const other = standingOf(person({ roles: ['regional-coordinator'] }), network, null);
    expect([canSeeNetwork(other), canReadSharedData(other), canManage(other)]).toEqual([false, false, false]);
    // Named, but the role taken away in Keycloak: no longer a coordinator.
    expect(standingOf(person({ userId: coordinatorId, roles: ['staff'] }), network, null).coordinator).toBe(false);
  });

  it('lets active members read shared data, invitees only see the network, and those who left nothing', () => {
    expect(canReadSharedData(standingOf(person({}), network, 'active'))).toBe(true);
    const invited = standingOf(person({}), network, 'invited');
    expect([canSeeNetwork(invited), canReadSharedData(invited), canManage(invited)]).toEqual([true, false, false]);
    const left = standingOf(person({}), network, 'left');
    expect([canSeeNetwork(left), canReadSharedData(left)]).toEqual([false, false]);
  });

  it('lets a platform-admin manage a network but not read what its members share', () => {
    const admin = standingOf(person({ roles: ['platform-admin'] }), network, null);
    expect([canSeeNetwork(admin), canManage(admin), canReadSharedData(admin)]).toEqual([true, true, false]);
  });
});
