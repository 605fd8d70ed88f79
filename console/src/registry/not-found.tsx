import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../shell';

/** A record opened by its address that the person's jurisdiction does not have: another jurisdiction's and a removed one get the same answer, nothing of them shown. */
export function RecordNotFound({ title, message, back, to, testId }: { title: string; message: string; back: string; to: string; testId: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert role="alert" color="gray" variant="light" data-testid={testId}>
        {message}
      </Alert>
      <Anchor component={Link} to={to} mt="md" display="block">
        {back}
      </Anchor>
    </>
  );
}
