import { useState, type FormEvent } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks';
import type { BodyOf } from '../api/types';
import type { StopBookingView, StopView, UnitView } from './views';

type StopBody = BodyOf<'/api/mpps/{mppId}/mobile/stops', 'post'>;

const blank = (units: UnitView[]) => ({
  unitId: units.find((u) => u.active)?.id ?? '',
  kecamatanCode: '',
  villageCode: '',
  address: '',
  lat: '',
  lng: '',
  date: '',
  startTime: '08:00',
  endTime: '12:00',
  capacity: '30',
  serviceIds: [] as string[],
  note: '',
});

const fromStop = (stop: StopView) => ({
  unitId: stop.unitId,
  kecamatanCode: stop.kecamatanCode,
  villageCode: stop.villageCode ?? '',
  address: stop.address,
  lat: stop.lat === null ? '' : String(stop.lat),
  lng: stop.lng === null ? '' : String(stop.lng),
  date: stop.localDate,
  startTime: stop.localStart,
  endTime: stop.localEnd,
  capacity: String(stop.capacity),
  serviceIds: stop.services.map((s) => s.id),
  note: stop.note ?? '',
});

export type StopForm = ReturnType<typeof blank>;

/**
 * The stop editor's form (a new stop starts on the first active unit) and its save: POST for a new
 * stop, PUT for a change, `onClose` after either succeeds. The refusal is `error`, with `fieldError`
 * for a field's own problem; a capacity or service change refused because of existing bookings gives
 * those bookings as `toMove`, beside the schedule (`stops`) they can move to.
 */
export function useStopEditor({ mppId, units, stop, onClose }: { mppId: string; units: UnitView[]; stop: StopView | null; onClose: () => void }) {
  const [form, setForm] = useState<StopForm>(() => (stop ? fromStop(stop) : blank(units)));
  const create = useApiMutation('post', '/api/mpps/{mppId}/mobile/stops', { onSuccess: onClose });
  const update = useApiMutation('put', '/api/mpps/{mppId}/mobile/stops/{stopId}', { onSuccess: onClose });
  const stops = useApiQuery('/api/mpps/{mppId}/mobile/stops', { params: { path: { mppId } } });
  const error = create.error ?? update.error;
  const unit = units.find((u) => u.id === form.unitId);
  const fieldError = (name: string) => error?.errors.find((e) => e.path === `body.${name}`)?.message;
  const set = (patch: Partial<StopForm>) => setForm({ ...form, ...patch });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: StopBody = {
      unitId: form.unitId,
      kecamatanCode: form.kecamatanCode,
      ...(form.villageCode ? { villageCode: form.villageCode } : {}),
      address: form.address,
      ...(form.lat.trim() && form.lng.trim() ? { lat: Number(form.lat), lng: Number(form.lng) } : {}),
      date: form.date,
      startTime: form.startTime,
      endTime: form.endTime,
      capacity: Number(form.capacity),
      serviceIds: form.serviceIds,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    };
    if (stop) update.mutate({ params: { path: { mppId, stopId: stop.id } }, body });
    else create.mutate({ params: { path: { mppId } }, body });
  }

  const toMove = error && (error.code === 'mobile_capacity_below_bookings' || error.code === 'mobile_service_has_bookings') ? (error.body.bookings as StopBookingView[] | undefined) : undefined;
  return { form, set, unit, error, fieldError, submit, saving: create.isPending || update.isPending, toMove, stops: stops.data };
}
