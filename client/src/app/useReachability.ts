import { useEffect } from 'react';
import { watchReachability } from '../sync/reachability.ts';

export const useReachability = (): void => useEffect(() => watchReachability(), []);
