// The incidents map: admin1 boundaries shipped with the project (dashboard/public/boundaries,
// cut from OCHA COD-AB by scripts/cut-boundaries.ts), no tile server, and every point exactly
// where the graph put it, its symbol saying how precise it is.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import type { IncidentPointPrecision } from '../gql/graphql';
import type { Translate } from '../i18n';

export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  precision: IncidentPointPrecision;
  label: string;
}

/** Okabe–Ito colours (safe for the common colour-vision deficiencies), and a distinct shape each. */
export const PRECISION_STYLE: Record<IncidentPointPrecision, { color: string; fill: boolean; dash?: string; radius: number }> = {
  EXACT: { color: '#0072B2', fill: true, radius: 5 },
  ROUNDED_0_1_DEGREE: { color: '#009E73', fill: false, radius: 6 },
  ADMIN_AREA_CENTROID: { color: '#D55E00', fill: false, dash: '3 2', radius: 8 },
};
export const PRECISIONS = Object.keys(PRECISION_STYLE) as IncidentPointPrecision[];

export function IncidentMap({ countryIso3, points, t }: { countryIso3: string; points: MapPoint[]; t: Translate }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { zoomSnap: 0.25, attributionControl: true, keyboard: true });
    map.attributionControl.setPrefix(false);
    let cancelled = false;
    const markers = L.featureGroup();
    for (const point of points) {
      const style = PRECISION_STYLE[point.precision];
      L.circleMarker([point.latitude, point.longitude], {
        radius: style.radius,
        color: style.color,
        weight: 2,
        fill: true,
        fillColor: style.color,
        fillOpacity: style.fill ? 0.7 : 0.1,
        dashArray: style.dash,
        className: `incident-marker precision-${point.precision}`,
      })
        .bindTooltip(point.label)
        .addTo(markers);
    }
    fetch(`/dashboard/boundaries/${countryIso3}.geojson`)
      .then((r) => r.json())
      .then((geojson: GeoJSON.FeatureCollection & { attribution?: string }) => {
        if (cancelled) return;
        const areas = L.geoJSON(geojson, {
          style: { color: '#555', weight: 1, fillColor: '#f2efe9', fillOpacity: 1 },
          onEachFeature: (feature, layer) => layer.bindTooltip(String(feature.properties?.name ?? '')),
        }).addTo(map);
        if (geojson.attribution) map.attributionControl.addAttribution(geojson.attribution);
        markers.addTo(map);
        map.fitBounds(areas.getBounds());
        element.current?.setAttribute('data-ready', 'true');
      })
      .catch(() => {
        markers.addTo(map);
        if (points.length) map.fitBounds(markers.getBounds());
        element.current?.setAttribute('data-ready', 'true');
      });
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [countryIso3, points]);
  return (
    <figure class="map-figure">
      <div ref={element} class="map" role="region" aria-label={t('mapLabel', { count: points.length })} tabIndex={0} data-testid="incident-map" data-points={points.length} />
      <figcaption>
        <h4 id="legend-title">{t('legend')}</h4>
        <ul class="legend" aria-labelledby="legend-title" data-testid="precision-legend">
          {PRECISIONS.map((precision) => {
            const style = PRECISION_STYLE[precision];
            const count = points.filter((p) => p.precision === precision).length;
            return (
              <li key={precision} data-precision={precision} data-count={count}>
                <svg width="20" height="20" aria-hidden="true">
                  <circle cx="10" cy="10" r={style.radius} stroke={style.color} stroke-width="2" stroke-dasharray={style.dash} fill={style.color} fill-opacity={style.fill ? 0.7 : 0.1} />
                </svg>
                {t(`precision.${precision}`)}: <strong>{count}</strong>
              </li>
            );
          })}
        </ul>
        <p>{t('incidentsShown', { count: points.length })}</p>
      </figcaption>
    </figure>
  );
}
