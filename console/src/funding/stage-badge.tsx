import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FITS, NEUTRAL, OVER, PENDING } from '../colors';
import type { FundingApplicationStage } from '../gql/graphql';

/** A stage's colour with AA contrast on white: amber while submitted, green when awarded, red when declined, grey otherwise. */
function stageColor(stage: FundingApplicationStage): string {
  if (stage === 'SUBMITTED') return PENDING;
  if (stage === 'AWARDED') return FITS;
  if (stage === 'DECLINED') return OVER;
  return NEUTRAL;
}

export function StageBadge({ stage }: { stage: FundingApplicationStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={stageColor(stage)} data-testid="application-stage" data-stage={stage} style={{ flexShrink: 0 }}>
      {t(`fundingWork.stages.${stage}`)}
    </Badge>
  );
}
