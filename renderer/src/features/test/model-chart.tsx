/**
 * Total time and blackout per performance option, drawn as SVG by the app (no remote assets).
 * Options that do not converge are marked instead of drawn as a bar.
 */
import { tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ModelResult } from '../../../../electron/core/model';
import { formatSeconds, type Lang } from '../../i18n/format';

const W = 640;
const ROW = 56;
const LEFT = 120;
const RIGHT = 150;

export function ModelChart(props: { readonly model: readonly ModelResult[]; readonly lang: Lang }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...props.model.filter((m) => m.converges).map((m) => m.totalSeconds));
  const scale = (s: number) => Math.max(2, ((W - LEFT - RIGHT) * s) / max);
  const height = ROW * props.model.length + 40;
  return (
    <figure data-testid="model-chart" style={{ margin: 0 }}>
      <svg width={W} height={height} viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t('test.chart.title')}</title>
        <desc id="chart-desc">
          {props.model
            .map((m) => `${m.option}: ${m.converges ? `${formatSeconds(m.totalSeconds, props.lang)}, ${t('test.chart.blackout')} ${formatSeconds(m.downtimeSeconds, props.lang)}` : t('test.chart.noConverge')}`)
            .join('; ')}
        </desc>
        {props.model.map((m, i) => {
          const y = 10 + i * ROW;
          return (
            <g key={m.option} data-testid={`chart-${m.option}`}>
              <text x={0} y={y + 22} fill={tokens.colorNeutralForeground1} fontSize={14}>{m.option === 'TCPIP' ? 'TCP/IP' : m.option}</text>
              {m.converges ? (
                <>
                  <rect x={LEFT} y={y + 6} width={scale(m.totalSeconds)} height={18} fill={tokens.colorBrandBackground} />
                  <text x={LEFT + scale(m.totalSeconds) + 6} y={y + 20} fontSize={12} fill={tokens.colorNeutralForeground1}>
                    {formatSeconds(m.totalSeconds, props.lang)}
                  </text>
                  <rect x={LEFT} y={y + 28} width={scale(m.downtimeSeconds)} height={12} fill={tokens.colorPaletteDarkOrangeBackground3} />
                  <text x={LEFT + scale(m.downtimeSeconds) + 6} y={y + 39} fontSize={12} fill={tokens.colorNeutralForeground1}>
                    {t('test.chart.blackout')} {formatSeconds(m.downtimeSeconds, props.lang)}
                  </text>
                </>
              ) : (
                <>
                  <line x1={LEFT} y1={y + 22} x2={W - RIGHT} y2={y + 22} stroke={tokens.colorPaletteRedBorder2} strokeWidth={3} strokeDasharray="6 4" />
                  <text x={LEFT} y={y + 42} fontSize={12} fill={tokens.colorPaletteRedForeground1} data-testid={`chart-noconverge-${m.option}`}>
                    ✗ {t('test.chart.noConverge')}
                  </text>
                </>
              )}
            </g>
          );
        })}
        <text x={LEFT} y={height - 6} fontSize={11} fill={tokens.colorNeutralForeground2}>
          {t('test.chart.legend')}
        </text>
      </svg>
    </figure>
  );
}
